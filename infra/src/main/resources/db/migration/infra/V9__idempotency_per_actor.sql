-- An Idempotency-Key belongs to the user who sent it: two users may pick the same key (a client library's counter,
-- "referral-0001") without one being answered with the other's result or refused with a 422.
ALTER TABLE idempotency_record DROP CONSTRAINT idempotency_record_pkey;
ALTER TABLE idempotency_record ADD CONSTRAINT idempotency_record_pkey PRIMARY KEY (actor, idempotency_key);

-- The command handler's result, serialised by Axon's message serializer (type name and JSON), written in the
-- command's transaction. A repeat is answered by rebuilding the answer from the same command and this result.
-- status, location and body stay for the records written before this version: they hold the HTTP answer itself,
-- which is given back as stored (those commands' ids were random, so their answer cannot be rebuilt).
ALTER TABLE idempotency_record ADD COLUMN result_type VARCHAR(255);
ALTER TABLE idempotency_record ADD COLUMN result TEXT;
