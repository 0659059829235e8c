/** Label selectors sent to the apiserver, per kind (`kmon top nodes -l` selects nodes, `top pods -l` pods). */
export interface Selectors {
  readonly nodes?: string;
  readonly pods?: string;
}
