import { coralogixFaultMatrix } from './coralogix-matrix';
import { COMMAND } from './surfaces';

coralogixFaultMatrix(COMMAND);
