# Writes apt's package descriptions for the typo rule's technical vocabulary (read by
# tools/words/make_words.cpp): the short descriptions of `apt-cache dumpavail` (with each
# package's Source), then the long ones of apt's Translation-en files, decompressed by
# `apt-helper cat-file`. Only the fields make_words reads are kept (Package, Source, Description,
# Description-en and its continuation lines).
#   cmake -DOUT=FILE -DAPT_CACHE=apt-cache -DAPT_HELPER=/usr/lib/apt/apt-helper [-DLISTS=DIR] -P descriptions.cmake
if(NOT LISTS)
  set(LISTS /var/lib/apt/lists)
endif()
file(GLOB _translations ${LISTS}/*_i18n_Translation-en*)
list(SORT _translations)
if(NOT _translations)
  message(STATUS "apt has no Translation-en files: the typo rule's technical vocabulary is built from the short "
                 "package descriptions only (apt-get update -o Acquire::Languages=en fetches the long ones; tools/setup.sh does)")
endif()
set(_script [=[
set -e
status=$1; cache=$2; helper=$3; shift 3
{ "$cache" dumpavail && echo 0 > "$status"; } | awk '/^$/ { print; next } /^[^ \t]/ { keep = /^(Package|Source|Description|Description-en):/ } keep'
[ -s "$status" ]  # the pipe hides apt-cache's failure
for f in "$@"; do
  "$helper" cat-file "$f"
  echo
done
]=])
file(REMOVE "${OUT}.status")
execute_process(COMMAND sh -c "${_script}" sh "${OUT}.status" "${APT_CACHE}" "${APT_HELPER}" ${_translations}
                OUTPUT_FILE "${OUT}.tmp" RESULT_VARIABLE _rc)
file(REMOVE "${OUT}.status")
if(NOT _rc EQUAL 0)
  file(REMOVE "${OUT}.tmp")
  message(FATAL_ERROR "reading apt's package descriptions failed (${_rc}); configure with -DLISTLINT_PACKAGE_DESCRIPTIONS=- to build without them")
endif()
file(RENAME "${OUT}.tmp" "${OUT}")
