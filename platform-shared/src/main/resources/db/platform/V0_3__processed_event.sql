-- Idempotent consumption: an event's (source, id) is recorded in the same transaction as its
-- effect, so a redelivered event finds its row and changes nothing.
CREATE TABLE processed_event (
    event_source varchar(255) NOT NULL,
    event_id     varchar(255) NOT NULL,
    event_type   varchar(255) NOT NULL,
    processed_at timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (event_source, event_id)
);
