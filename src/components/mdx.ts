/** Components MDX content may use without importing them. Numbers only ever come through these. */
import Fig from './ui/Fig.astro';
import When from './ui/When.astro';
import Rule from './ui/Rule.astro';
import ParkFact from './ui/ParkFact.astro';
import Term from './ui/Term.astro';
import Callout from './ui/Callout.astro';
import Link from './ui/Link.astro';
import IrScale from './ui/IrScale.astro';
import AirThreshold from './ui/AirThreshold.astro';
import FigTable from './ui/FigTable.astro';

export const mdxComponents = {
  Fig,
  When,
  Rule,
  ParkFact,
  Term,
  Callout,
  Link,
  IrScale,
  AirThreshold,
  FigTable,
};
