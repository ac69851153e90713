#pragma once

#include <cstddef>
#include <cstdint>

// The libFuzzer input function for the back office's HttpRequestParser (fuzz_httpparser), also run
// by tst_httpcorpus over the seed corpus and mutations. The input is parsed whole and again in
// pieces of 1–16 bytes (the size from the first byte): both must agree on the state, the error
// status, method, target, headers and body; a failure names its problem with a 4xx/5xx status; a
// complete request's body is exactly Content-Length bytes; the head is never over the limit;
// pipelined requests after the first are parsed the same way. Returns 0; a violated property aborts.
int owFuzzHttpRequest(const uint8_t *data, size_t size);
