// Vite handles CSS and JSON imports.
declare module "*.css";
