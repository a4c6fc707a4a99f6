/**
 * How the window's link to a headless server stands. Electron's IPC is always 'connected'; over
 * HTTP the client reports a dropped socket ('reconnecting') and a refused token ('unauthorized').
 */
export type ServerConnection = 'connected' | 'reconnecting' | 'unauthorized'
