/** The overview lists communes meeting fewer criteria than this until the user changes it. */
export const defaultBelow = 10;
