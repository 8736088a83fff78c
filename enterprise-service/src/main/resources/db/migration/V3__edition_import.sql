-- Imports of whole list editions from CSV or xlsx: every row is matched and shown in a preview
-- before anything is applied; uncertain matches wait in a review queue, bad rows until corrected.
CREATE TABLE edition_import (
    id            uuid PRIMARY KEY,
    edition_id    uuid          NOT NULL REFERENCES list_edition (id),
    file_name     text,
    status        varchar(16)   NOT NULL CHECK (status IN ('PREVIEW', 'APPLIED')),
    created_at    timestamptz   NOT NULL,
    created_by    varchar(255)  NOT NULL,
    applied_at    timestamptz,
    applied_by    varchar(255)
);

CREATE TABLE edition_import_row (
    import_id     uuid          NOT NULL REFERENCES edition_import (id),
    row_number    integer       NOT NULL,
    serial        text,
    rank          text,
    name          text,
    uscc          text,
    match         varchar(16)   NOT NULL CHECK (match IN ('BY_USCC', 'BY_NAME', 'NEW', 'REVIEW', 'CHOSEN', 'ERROR')),
    enterprise_id uuid REFERENCES enterprise (id),
    candidates    jsonb         NOT NULL DEFAULT '[]',
    errors        jsonb         NOT NULL DEFAULT '[]',
    PRIMARY KEY (import_id, row_number)
);

CREATE INDEX edition_import_row_review ON edition_import_row (match) WHERE match IN ('REVIEW', 'ERROR');
