// Node globals the stream packages (readable-stream 3) expect, for a browser bundle.
import { Buffer } from 'buffer';
import process from 'process';

export { Buffer, process };
