# Writes a C++ file holding every file under ROOT as a lectern::Asset
# (src/server/assets.h). Run as: cmake -DROOT=web -DOUT=x.cc -P embed_assets.cmake
file(GLOB_RECURSE files RELATIVE "${ROOT}" "${ROOT}/*")
list(SORT files)

set(body "")
set(table "")
set(i 0)
foreach(f IN LISTS files)
  if(f MATCHES "(^|/)\\." OR f MATCHES "~$")
    continue()  # editor and hidden files
  endif()
  get_filename_component(ext "${f}" LAST_EXT)
  string(TOLOWER "${ext}" ext)
  set(type "application/octet-stream")
  if(ext STREQUAL ".html")
    set(type "text/html; charset=utf-8")
  elseif(ext STREQUAL ".js" OR ext STREQUAL ".mjs")
    set(type "text/javascript; charset=utf-8")
  elseif(ext STREQUAL ".css")
    set(type "text/css; charset=utf-8")
  elseif(ext STREQUAL ".svg")
    set(type "image/svg+xml")
  elseif(ext STREQUAL ".png")
    set(type "image/png")
  elseif(ext STREQUAL ".ico")
    set(type "image/x-icon")
  elseif(ext STREQUAL ".json" OR ext STREQUAL ".webmanifest")
    set(type "application/json")
  elseif(ext STREQUAL ".txt" OR ext STREQUAL ".md")
    set(type "text/plain; charset=utf-8")
  elseif(ext STREQUAL ".woff2")
    set(type "font/woff2")
  endif()
  file(READ "${ROOT}/${f}" hex HEX)
  file(SHA1 "${ROOT}/${f}" sha)
  string(SUBSTRING "${sha}" 0 16 sha)
  string(LENGTH "${hex}" hex_len)
  math(EXPR size "${hex_len} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  string(APPEND body "const unsigned char kData${i}[] = {${bytes}0};\n")
  string(APPEND table "    {\"${f}\", \"${type}\", {reinterpret_cast<const char*>(kData${i}), ${size}}, \"\\\"${sha}\\\"\"},\n")
  math(EXPR i "${i} + 1")
endforeach()

set(out "// Generated from web/ by cmake/embed_assets.cmake at build time; do not edit.
#include <algorithm>
#include <iterator>

#include \"server/assets.h\"

namespace lectern {
namespace {

${body}
const Asset kAssets[] = {
${table}};

}  // namespace

const Asset* FindAsset(std::string_view path) {
  auto it = std::find_if(std::begin(kAssets), std::end(kAssets),
                         [&](const Asset& a) { return a.path == path; });
  return it == std::end(kAssets) ? nullptr : &*it;
}

}  // namespace lectern
")
# Rewritten only when it changed, so an unchanged web/ rebuilds nothing.
if(EXISTS "${OUT}")
  file(READ "${OUT}" old)
  if(old STREQUAL out)
    return()
  endif()
endif()
file(WRITE "${OUT}" "${out}")
