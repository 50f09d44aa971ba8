// Case engine (pure): the state machine, the statutory clock and the rights-request rules.
export * from "./clock";
export * from "./machine";
export * from "./rights";
