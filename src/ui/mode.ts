/** What the screen is showing, which decides what each key does. */
export type Mode = 'table' | 'filter' | 'namespace' | 'context' | 'help' | 'detail' | 'events';
