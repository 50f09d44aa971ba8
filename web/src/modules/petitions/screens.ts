// The staff screens of civil petitions, loaded together on first use (one chunk).
export { PetitionDetailPage } from "./detail-page";
export { PetitionListPage } from "./list-page";
export { NewPetitionPage } from "./new-page";
export { PetitionTypesPage } from "./types-page";
