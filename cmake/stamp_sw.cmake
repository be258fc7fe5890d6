# Writes the service worker for a web build: web/sw.js with the build's fingerprint (a hash of the
# page's files, so each build gets its own cache) and the list of files to keep offline.
# Usage: cmake -DSOURCE=web/sw.js -DDIR=build/web -P cmake/stamp_sw.cmake
file(GLOB page_files RELATIVE ${DIR} ${DIR}/index.* ${DIR}/fonts/*.ttf ${DIR}/i18n/*.json)
list(SORT page_files)
set(fingerprint "")
set(files "\"./\"")
foreach(name ${page_files})
  file(SHA256 ${DIR}/${name} digest)
  string(APPEND fingerprint ${digest})
  string(APPEND files ", \"./${name}\"")
endforeach()
string(SHA256 fingerprint "${fingerprint}")
string(SUBSTRING ${fingerprint} 0 16 fingerprint)
file(READ ${SOURCE} text)
string(REPLACE "@BUILD@" ${fingerprint} text "${text}")
string(REPLACE "@FILES@" "${files}" text "${text}")
file(WRITE ${DIR}/sw.js "${text}")
