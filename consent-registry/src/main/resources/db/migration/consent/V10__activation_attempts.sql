-- Wrong activation codes, counted per account in the database (issue 16): every portal instance
-- shares the count, and parallel guesses cannot outrun it, because each attempt is counted (one
-- row per account, locked by the upsert) and committed before its code is even looked at; an
-- attempt that was not a wrong code gives its count back afterwards.
CREATE TABLE consent.activation_attempts (
  sub          text        PRIMARY KEY,
  window_start timestamptz NOT NULL,
  attempts     integer     NOT NULL CHECK (attempts >= 0)
);

GRANT SELECT, INSERT, UPDATE ON consent.activation_attempts TO ${appRole};
