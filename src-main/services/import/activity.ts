import type { ServiceContext } from '../context';
import { replayPanelsDemo } from '../panels/demo';
import { replayCreditDemo } from '../credit/demo';
import { replayCalibrationDemo } from '../calibration/demo';

/**
 * Demo activity replays, by the name of their file in a demo set's `activity/` folder, in the order they run:
 * each applies its feature's scripted history through the services and does nothing when it already ran.
 */
export const ACTIVITY_REPLAYS: Record<string, (ctx: ServiceContext) => void | Promise<void>> = {
  panels: replayPanelsDemo,
  calibration: replayCalibrationDemo,
  credit: replayCreditDemo,
};
