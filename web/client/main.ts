// Progressive enhancement only: every page works without this file (replaced by the web pages work).
export {};
