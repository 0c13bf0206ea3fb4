import { coralogixFaultMatrix } from './coralogix-matrix';
import { WEBHOOK } from './surfaces';

coralogixFaultMatrix(WEBHOOK);
