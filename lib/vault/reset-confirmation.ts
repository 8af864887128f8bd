/** The word a person types to confirm erasing the vault (shared by the popup and the background). */
export const RESET_CONFIRMATION = 'ERASE';
