export { commendationsRoutes } from './commendations.routes';
export { commendationsSpreadRoutes } from './commendations-spread.routes';
export { commendationFormsRoutes } from './commendation-forms.routes';
export { adoptModel } from './model-adoptions.service';
export { markTypical } from './typical-examples.service';
export { createNomination, takeStep } from './nominations.service';
export { createDecision } from './decisions.service';
export { GALLERY_PAGE_SIZE, readGalleryPhoto, searchPublicGallery, setNominationPublic } from './gallery.service';
