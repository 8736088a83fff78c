-- The region's enterprise registry (招商目标企业库): shared reference data, not scoped by unit.
-- Chinese enterprises are identified by their USCC, foreign ones by country + registration number;
-- list-only records (created by a list-edition import) may have neither yet.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- A trigram index cannot serve a two-character term, and two characters are a common Chinese search
-- (华为, 玉柴). The distinct two-character substrings of the names, in a GIN expression index, serve
-- those exactly: a text contains a two-character term exactly when the term is one of its bigrams.
-- (Containment in a GIN array index is not lossy, so matching rows are not checked again, and the
-- bigrams need not widen every row of the table.)
CREATE FUNCTION name_bigrams(name text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT substr(name, i, 2)), '{}') FROM generate_series(1, length(name) - 1) AS i
$$;

CREATE TABLE enterprise (
    id                      uuid PRIMARY KEY,
    uscc                    char(18) UNIQUE,
    country                 char(2),
    registration_number     varchar(64),
    name_zh                 text         NOT NULL,
    -- the name as imports and duplicate checks compare it (see EnterpriseName.normalise)
    name_normalised         text         NOT NULL,
    -- what name search looks in: the Chinese name, former names and the English name, lower-cased
    -- (see EnterpriseName.searchText)
    search_names            text         NOT NULL,
    name_en                 text,
    former_names            text[]       NOT NULL DEFAULT '{}',
    hq_admin_code           char(6),
    hq_country              char(2),
    ownership               varchar(16)  CHECK (ownership IN ('CENTRAL_SOE', 'LOCAL_SOE', 'PRIVATE', 'FOREIGN', 'HK_MACAO_TAIWAN')),
    industry_code           varchar(8),
    chain_tags              text[]       NOT NULL DEFAULT '{}',
    listed                  boolean      NOT NULL DEFAULT false,
    parent_id               uuid REFERENCES enterprise (id),
    list_only               boolean      NOT NULL DEFAULT false,
    registered_at           timestamptz  NOT NULL,
    registered_by           varchar(255) NOT NULL,
    version                 bigint       NOT NULL DEFAULT 0,
    UNIQUE (country, registration_number),
    CHECK (uscc IS NOT NULL OR (country IS NOT NULL AND registration_number IS NOT NULL) OR list_only),
    CHECK (parent_id <> id)
);

-- Substring search on names (LIKE '%…%') and similarity of names both use trigrams; the database's
-- UTF-8 ctype makes CJK characters word characters for pg_trgm.
CREATE INDEX enterprise_search_names_trgm ON enterprise USING gin (search_names gin_trgm_ops);
CREATE INDEX enterprise_name_normalised_trgm ON enterprise USING gin (name_normalised gin_trgm_ops);

CREATE INDEX enterprise_search_bigrams ON enterprise USING gin (name_bigrams(search_names));
CREATE INDEX enterprise_chain_tags ON enterprise USING gin (chain_tags);
CREATE INDEX enterprise_industry ON enterprise (industry_code text_pattern_ops);
CREATE INDEX enterprise_hq_admin ON enterprise (hq_admin_code bpchar_pattern_ops);
CREATE INDEX enterprise_parent ON enterprise (parent_id);

-- One edition (year) or batch of a published list. How long its memberships count depends on the
-- kind of list (glossary, enterprise classes): RANKED_YEARLY until the next edition is published,
-- PERIOD for a stated period, STANDING until withdrawn.
CREATE TABLE list_edition (
    id              uuid PRIMARY KEY,
    enterprise_class varchar(32)  NOT NULL,
    validity_kind   varchar(16)   NOT NULL CHECK (validity_kind IN ('RANKED_YEARLY', 'PERIOD', 'STANDING')),
    edition         varchar(64)   NOT NULL,
    published_on    date          NOT NULL,
    valid_years     integer       CHECK (valid_years > 0),
    created_at      timestamptz   NOT NULL,
    created_by      varchar(255)  NOT NULL,
    UNIQUE (enterprise_class, edition)
);

CREATE INDEX list_edition_class_published ON list_edition (enterprise_class, published_on);

CREATE TABLE membership (
    id              uuid PRIMARY KEY,
    edition_id      uuid          NOT NULL REFERENCES list_edition (id),
    enterprise_id   uuid          NOT NULL REFERENCES enterprise (id),
    rank            integer       CHECK (rank > 0),
    valid_from      date          NOT NULL,
    -- exclusive; null for ranked yearly lists (they end with the next edition) and standing designations
    valid_until     date,
    recorded_at     timestamptz   NOT NULL,
    recorded_by     varchar(255)  NOT NULL,
    UNIQUE (edition_id, enterprise_id),
    CHECK (valid_until IS NULL OR valid_until > valid_from)
);

CREATE INDEX membership_enterprise ON membership (enterprise_id);

-- An enterprise and the groups above it (its parent, the parent's parent …): a subsidiary holds the
-- memberships of its groups. The depth bound stops a cycle that slipped in from running forever.
CREATE FUNCTION enterprise_lineage(start uuid) RETURNS TABLE (enterprise_id uuid, depth integer)
LANGUAGE sql STABLE AS $$
    WITH RECURSIVE up (id, parent_id, depth) AS (
        SELECT id, parent_id, 0 FROM enterprise WHERE id = start
        UNION ALL
        SELECT e.id, e.parent_id, up.depth + 1 FROM enterprise e JOIN up ON e.id = up.parent_id WHERE up.depth < 16)
    SELECT id, depth FROM up
$$;
