#include "ingest/decode.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>

#include "base/utf8.h"

namespace lectern {
namespace {

constexpr size_t kSniffBytes = 4096;

bool IsCharsetChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.' || c == ':';
}

// Maps a declared name to the converter a browser would use for it.
std::string CanonicalCharset(std::string name) {
  name = AsciiLower(name);
  if (name == "utf8" || name == "utf-8") return "utf-8";
  if (name == "gb2312" || name == "gbk" || name == "gb_2312-80" || name == "x-gbk" ||
      name == "cp936" || name == "gb18030" || name == "euc-cn") {
    return "gb18030";
  }
  if (name == "iso-8859-1" || name == "latin1" || name == "us-ascii" || name == "ascii" ||
      name == "iso8859-1" || name == "cp1252") {
    return "windows-1252";
  }
  return name;
}

Result<std::string> ConvertToUtf8(std::string_view bytes, const std::string& charset) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* raw = ucnv_open(charset.c_str(), &status);
  if (U_FAILURE(status) || raw == nullptr) {
    return Status::InvalidArgument("unknown charset '" + charset + "'");
  }
  std::unique_ptr<UConverter, decltype(&ucnv_close)> converter(raw, &ucnv_close);
  icu::UnicodeString unicode(bytes.data(), static_cast<int32_t>(bytes.size()), converter.get(),
                             status);
  if (U_FAILURE(status)) {
    return Status::InvalidArgument("bytes cannot be read as " + charset);
  }
  std::string out;
  unicode.toUTF8String(out);
  return out;
}

std::string DetectCharset(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* raw = ucsdet_open(&status);
  if (U_FAILURE(status)) return "windows-1252";
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(raw, &ucsdet_close);
  const size_t sample = std::min<size_t>(bytes.size(), 64 * 1024);
  ucsdet_setText(detector.get(), bytes.data(), static_cast<int32_t>(sample), &status);
  ucsdet_enableInputFilter(detector.get(), true);  // ignore markup when guessing
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return "windows-1252";
  const char* name = ucsdet_getName(match, &status);
  if (U_FAILURE(status) || name == nullptr) return "windows-1252";
  std::string canonical = CanonicalCharset(name);
  // UTF-8 was already ruled out by validation; never trust a guess of it.
  if (canonical == "utf-8") return "windows-1252";
  // The detector names text direction for the EBCDIC Arabic and Hebrew
  // charsets ("IBM420_rtl"), which is no converter's name.
  for (std::string_view direction : {"_rtl", "_ltr"}) {
    if (canonical.size() > direction.size() &&
        canonical.compare(canonical.size() - direction.size(), direction.size(), direction) == 0) {
      canonical.resize(canonical.size() - direction.size());
    }
  }
  // Never hand back a name the converter cannot open.
  UErrorCode open_status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(canonical.c_str(), &open_status);
  if (converter != nullptr) ucnv_close(converter);
  return U_FAILURE(open_status) || converter == nullptr ? "windows-1252" : canonical;
}

}  // namespace

std::string DeclaredCharset(std::string_view bytes) {
  std::string head = AsciiLower(bytes.substr(0, kSniffBytes));
  for (std::string_view key : {"charset=", "encoding="}) {
    size_t pos = 0;
    while ((pos = head.find(key, pos)) != std::string::npos) {
      pos += key.size();
      size_t i = pos;
      while (i < head.size() && (head[i] == '"' || head[i] == '\'' || head[i] == ' ')) ++i;
      size_t j = i;
      while (j < head.size() && IsCharsetChar(head[j])) ++j;
      if (j > i) return head.substr(i, j - i);
    }
  }
  return "";
}

Result<DecodedText> DecodeToUtf8(std::string_view bytes) {
  if (TrimAsciiSpace(bytes).empty()) return Status::NotABriefing("empty file");
  DecodedText decoded;
  if (bytes.size() >= 2 &&
      ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    decoded.charset = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    auto text = ConvertToUtf8(bytes.substr(2), decoded.charset);
    if (!text.ok()) return text.status();
    decoded.utf8 = std::move(text).value();
  } else {
    // A UTF-8 byte order mark settles the charset, as it does in a browser:
    // neither a declaration nor stray invalid bytes overrule it.
    const bool utf8_bom = bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF";
    if (utf8_bom) bytes.remove_prefix(3);
    if (bytes.substr(0, 8192).find('\0') != std::string_view::npos) {
      return Status::NotABriefing("binary data (NUL bytes), not text");
    }
    std::string declared = utf8_bom ? "utf-8" : CanonicalCharset(DeclaredCharset(bytes));
    if (!declared.empty() && declared != "utf-8") {
      auto text = ConvertToUtf8(bytes, declared);
      // An unknown or wrong declaration falls through to detection.
      if (text.ok()) decoded = DecodedText{std::move(text).value(), declared};
    }
    if (!decoded.charset.empty()) {
      // Read as declared.
    } else if (IsValidUtf8(bytes)) {
      decoded = DecodedText{std::string(bytes), "utf-8"};
    } else {
      // With a byte order mark, ill-formed bytes become U+FFFD.
      std::string charset = utf8_bom ? "utf-8" : DetectCharset(bytes);
      auto text = ConvertToUtf8(bytes, charset);
      if (!text.ok()) return text.status();
      decoded = DecodedText{std::move(text).value(), charset};
    }
  }
  // Checked again after decoding: UTF-16 (and escape-based charsets such as
  // UTF-7) carry NULs and white space in bytes that the checks above pass.
  if (std::string_view(decoded.utf8).substr(0, 8192).find('\0') != std::string_view::npos) {
    return Status::NotABriefing("binary data (NUL characters), not text");
  }
  if (TrimAsciiSpace(decoded.utf8).empty()) return Status::NotABriefing("empty file");
  return decoded;
}

}  // namespace lectern
