// Case engine (pure): the state machine, the statutory clock and the rights-request rules.
export * from "./clock";
export * from "./machine";
export * from "./next-step";
export * from "./rights";
export * from "./time-left";
