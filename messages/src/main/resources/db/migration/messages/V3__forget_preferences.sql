-- Issue 21: the language a person chooses is kept in their account (and followed by the portal on
-- any device, not only by their e-mails); an account may forget its choices and return to the
-- defaults (DELETE /api/v1/me/preferences).
GRANT DELETE ON messages.preference TO ${appRole};
