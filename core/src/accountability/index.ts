export * from "./anomaly-rules";
