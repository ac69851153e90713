#pragma once

#include <cstddef>
#include <cstdint>

// The libFuzzer input function for the queue's JSON (fuzz_ticket), also run by tst_ticketcorpus
// over the seed corpus and mutations of it, so gcc builds exercise it. The input is read as JSON
// and given to Ticket::fromJson, HallSettings::fromJson and QueueSnapshot::fromJson: each either
// fails with a message or gives a value whose toJson reads back to the same value; an accepted
// ticket then goes through every QueueRules transition without breaking the rules' invariants.
// Returns 0; a violated property aborts.
int owFuzzTicketJson(const uint8_t *data, size_t size);
