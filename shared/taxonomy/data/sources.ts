// Every taxonomy data file, as edited (FORMAT.md describes the JSON shape). Add a new category
// file here when one is created, then run `npm run gen:taxonomy`: bundles read the packed copy
// (taxonomy.generated.ts through ./index.ts), never these files.
import lowAltitude from './skills-low-altitude.json' with { type: 'json' };
import aiData from './skills-ai-data.json' with { type: 'json' };
import aiEngineering from './skills-ai-engineering.json' with { type: 'json' };
import bigData from './skills-big-data.json' with { type: 'json' };
import dataAnalysis from './skills-data-analysis.json' with { type: 'json' };
import cloudOps from './skills-cloud-ops.json' with { type: 'json' };
import software from './skills-software.json' with { type: 'json' };
import iot from './skills-iot.json' with { type: 'json' };
import blockchain from './skills-blockchain.json' with { type: 'json' };
import integratedCircuits from './skills-integrated-circuits.json' with { type: 'json' };
import intelligentManufacturing from './skills-intelligent-manufacturing.json' with { type: 'json' };
import manufacturingTrades from './skills-manufacturing-trades.json' with { type: 'json' };
import welding from './skills-welding.json' with { type: 'json' };
import machining from './skills-machining.json' with { type: 'json' };
import electricalTrades from './skills-electrical-trades.json' with { type: 'json' };
import textileGarment from './skills-textile-garment.json' with { type: 'json' };
import newEnergyVehicles from './skills-new-energy-vehicles.json' with { type: 'json' };
import eCommerce from './skills-e-commerce.json' with { type: 'json' };
import elderlyCare from './skills-elderly-care.json' with { type: 'json' };
import logistics from './skills-logistics.json' with { type: 'json' };
import officeGeneral from './skills-office-general.json' with { type: 'json' };
import safetyQuality from './skills-safety-quality.json' with { type: 'json' };
import construction from './skills-construction.json' with { type: 'json' };

const skillFiles = [
  lowAltitude,
  aiData,
  aiEngineering,
  bigData,
  dataAnalysis,
  cloudOps,
  software,
  iot,
  blockchain,
  integratedCircuits,
  intelligentManufacturing,
  manufacturingTrades,
  welding,
  machining,
  electricalTrades,
  textileGarment,
  newEnergyVehicles,
  eCommerce,
  elderlyCare,
  logistics,
  officeGeneral,
  construction,
  safetyQuality,
] as const;

import occupationsFile from './occupations.json' with { type: 'json' };

/** The taxonomy as its JSON files hold it. */
export const taxonomySources = () => ({ skillFiles, occupationsFile });
