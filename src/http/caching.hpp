// HTTP caching, for a CDN in front of the replicas. Validators every replica
// of a release gives alike: ETags are hashes of what is served, and
// Last-Modified is the release's date, never a server's start time. And
// Cache-Control by what an answer is: the dumps of a named release never
// change; everything else changes only with a release, so it is kept for
// minutes and then revalidated with its ETag; an error is never kept.
#pragma once

#include <string>
#include <string_view>

namespace httplib {
struct Request;
struct Response;
} // namespace httplib

namespace wa::http {

/// What never changes: the files of a named release (/dump/{release}/{name}).
inline constexpr const char* cache_forever = "public, max-age=31536000, immutable";
/// What a new release changes (the latest dumps, catalogue, VoID, pages, query
/// answers): short enough that a new release shows within minutes.
inline constexpr const char* cache_until_next_release = "public, max-age=300";
/// Errors, refusals and what is about this moment (health, metrics).
inline constexpr const char* cache_never = "no-store";

/// The HTTP date of the start of an xsd:date: "Sun, 29 Nov 2026 00:00:00 GMT"
/// for "2026-11-29". Throws std::invalid_argument if `xsd_date` is not a date.
[[nodiscard]] std::string http_date_of(const std::string& xsd_date);

/// Adds `field` ("Accept", "Accept-Encoding") to the answer's Vary, once.
void add_vary(httplib::Response& response, std::string_view field);

/// What every answer gets just before it is written: an error (4xx, 5xx) is
/// not stored and carries no validators; a GET or HEAD answer that has no
/// Cache-Control of its own gets cache_until_next_release; and every answer
/// that may be stored varies by Accept-Encoding, since the HTTP layer
/// compresses a text body for a client that accepts gzip.
void apply_cache_policy(const httplib::Request& request, httplib::Response& response);

} // namespace wa::http
