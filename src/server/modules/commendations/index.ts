export { commendationsRoutes } from './commendations.routes';
export { createNomination, takeStep } from './nominations.service';
export { createDecision } from './decisions.service';
export { GALLERY_PAGE_SIZE, readGalleryPhoto, searchPublicGallery, setNominationPublic } from './gallery.service';
