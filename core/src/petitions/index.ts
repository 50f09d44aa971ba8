// Civil petitions (민원): the type catalogue of seed 003, channels, the clock of a type, similarity bands.
export * from "./catalogue";
