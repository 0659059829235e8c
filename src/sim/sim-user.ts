/** The user the sim's token authenticates as; it appears in RBAC messages. */
export const SIM_USER = 'kmon-sim-user';
