-- Duplicate rules L2–L4 compare a new project with the projects of its city by investor (L2, L3),
-- contact phone (digits only) and site address (without whitespace) (L4). These indexes keep each
-- registration's check from reading every project of the city; the expressions are exactly those
-- DuplicateCandidateRepository compares.
CREATE INDEX project_city_investor ON project (city_code, investor_enterprise_id);
CREATE INDEX project_city_phone ON project (city_code, (regexp_replace(contact_phone, '[^0-9]', '', 'g')))
    WHERE contact_phone IS NOT NULL;
CREATE INDEX project_city_site ON project (city_code, (regexp_replace(site_address, '\s+', '', 'g')))
    WHERE site_address IS NOT NULL;
