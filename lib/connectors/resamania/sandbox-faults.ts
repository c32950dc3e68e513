/**
 * Failure injection for the Resamania sandbox (not the vendor's API): the Procurios
 * sandbox's faults (modes, control body, how each is answered), counted over this
 * sandbox's routes. "registration" limits a fault to the calls of a delivery.
 */
import { applyFault, faultSchema, parseFaultSpec, type Fault } from "@/lib/connectors/procurios/sandbox-faults";

export { applyFault, faultSchema, parseFaultSpec, type Fault };

const DELIVERY_ROUTES = new Set(["createContact", "migrate"]);

export class FaultSwitch {
  private fault?: Fault & { remaining?: number };

  set(fault: Fault): void {
    this.fault = { ...fault, remaining: fault.count };
  }

  clear(): void {
    this.fault = undefined;
  }

  /** The fault that applies to this request, if any, counting it against `count`. */
  take(route: string): Fault | undefined {
    const fault = this.fault;
    if (!fault || (fault.routes === "registration" && !DELIVERY_ROUTES.has(route))) return undefined;
    if (fault.remaining !== undefined && --fault.remaining <= 0) this.fault = undefined;
    return fault;
  }
}
