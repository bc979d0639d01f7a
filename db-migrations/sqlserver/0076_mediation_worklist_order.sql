-- The dispute worklist reads the latest registered first and filters by the caller's region subtree with LIKE, which cannot
-- seek (region_path, registered_at): walking this index in order stops after a page, where the other one sorted every
-- dispute of the jurisdiction (200,000 disputes: see docs/performance.md).
CREATE INDEX ix_mediation_disputes_registered ON mediation_disputes (registered_at, id);
