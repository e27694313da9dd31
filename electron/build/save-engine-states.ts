/**
 * Saves the initialised OCR engine for each of the CLI's language sets, and for each Chinese
 * model alone (some second readings use one), next to the decompressed language data
 * (dist/tessdata), so that a run copies it instead of initialising (see
 * electron/ocr/tesseract-worker.mjs). Bundled and run by build-node.mjs; a state still usable is
 * kept as it is.
 */
import { saveEngineState } from '../ocr/tesseract-node';

await Promise.all(['chi_tra+eng', 'chi_sim+eng', 'eng', 'chi_tra', 'chi_sim'].map((lang) => saveEngineState(lang)));
