/** Public API of the printer domain: what the host, IPC handlers and the bridge import. */
export { PrinterService, type PrinterServiceOptions } from './printer-service'
export { PrintQueue, type PrintQueueOptions, type EnqueueMeta, type PrintQueueEvents } from './print-queue'
export {
  parsePrinterSpec,
  printerSpecStringSchema,
  formatPrinterSpec,
  PrinterSpecError,
  type PrinterSpec
} from './printer-spec'
export { createTransport, defaultPrinterSpec, type TransportOptions } from './create-transport'
export { PrinterError, type PrinterTransport, type PrinterErrorCode, type WriteContext } from './printer-transport'
export { encodeReceipt, encoderOptionsSchema, type EncoderOptions } from './escpos-encoder'
export { PrinterEmulator, type EmulatorOptions, type EmulatorJob } from './printer-emulator'
export { statusBarPart } from './status-bar'
