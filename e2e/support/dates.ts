/** Today in Asia/Ho_Chi_Minh (yyyy-MM-dd), the server's date. */
export const todayInVietnam = () =>
  new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);

/** A date as the pages write it (dd/MM/yyyy). */
export const dmy = (iso: string) => iso.split("-").reverse().join("/");
