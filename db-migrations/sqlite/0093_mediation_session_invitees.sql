-- The parties invited to a session. Sessions booked before this script invited every party of their dispute, as the
-- booking then did implicitly.
CREATE TABLE mediation_session_invitees (
    session_id TEXT NOT NULL REFERENCES mediation_sessions (id),
    party_id TEXT NOT NULL REFERENCES mediation_dispute_parties (id),
    party_name TEXT NOT NULL,
    PRIMARY KEY (session_id, party_id)
);

INSERT INTO mediation_session_invitees (session_id, party_id, party_name)
SELECT s.id, p.id, p.name
FROM mediation_sessions s
JOIN mediation_dispute_parties p ON p.dispute_id = s.dispute_id;
