// kmon validates with zod/mini: a fraction of full zod's start-up cost, which `kmon status` pays
// every few seconds under tmux. The mini build ships no error messages; this sets the English ones
// full zod sets by default, so a rejected field reads "Invalid input: expected string, received
// number". Imported, for this effect, by every module whose schemas' errors reach the user.
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());
