# The portable release build (LISTLINT_PORTABLE, tools/release.sh): a listlint that needs only
# glibc. Included from the top CMakeLists.txt after the find_package calls, which found static
# archives (.a) for everything but libcurl.
#
# - libstdc++ and libgcc: -static-libstdc++ -static-libgcc, for the program and the link module;
#   the module keeps its copy private (--exclude-libs) so the two never mix symbols.
# - cmark-gfm, SQLite, Hunspell (build time only): Debian's -dev packages ship the .a files.
# - fmt (through spdlog): header-only (FMT_HEADER_ONLY), instead of Debian's libfmt.so.
# - ICU: libicuuc.a. listlint calls u_charType, u_hasBinaryProperty, u_strToLower and
#   u_strFoldCase, whose tables are compiled into libicuuc itself; none opens ICU's data file. The
#   30 MB libicudata.a is replaced by an empty data package (icu_stubdata.c.in, as ICU's own
#   stubdata library); the release test compares the release's findings with the normal build's.
# - mimalloc: Debian ships only libmimalloc.so (no .a, and no sources in a binary package), so the
#   release uses glibc's malloc (LISTLINT_MIMALLOC is turned off here).
# - libcurl: the link module (lib/listlint/listlint-net.so) links the system's libcurl.so.4; only
#   `links` and `check --links` load that module, and say so in one line when libcurl is missing.
if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
  add_link_options(-static-libstdc++ -static-libgcc -Wl,--exclude-libs,ALL)
endif()
set(LISTLINT_MIMALLOC OFF CACHE BOOL "Link with mimalloc" FORCE)

# cmark-gfm's .pc lists the core before the extensions, which call into the core: name the core
# again after them for the static link.
set_property(TARGET PkgConfig::CMARK_GFM APPEND PROPERTY INTERFACE_LINK_LIBRARIES
  "${CMARK_GFM_LINK_LIBRARIES}")
set_property(TARGET PkgConfig::SQLITE3 APPEND PROPERTY INTERFACE_LINK_LIBRARIES m ${CMAKE_DL_LIBS} Threads::Threads)

set_property(TARGET spdlog::spdlog_header_only PROPERTY INTERFACE_LINK_LIBRARIES Threads::Threads fmt::fmt-header-only)

string(REGEX MATCH "^[0-9]+" LISTLINT_ICU_MAJOR "${ICU_VERSION}")
configure_file(${CMAKE_CURRENT_LIST_DIR}/icu_stubdata.c.in ${PROJECT_BINARY_DIR}/icu_stubdata.c @ONLY)
enable_language(C)
add_library(listlint_icu_stubdata STATIC ${PROJECT_BINARY_DIR}/icu_stubdata.c)
target_include_directories(listlint_icu_stubdata PRIVATE ${ICU_INCLUDE_DIRS})
set_property(TARGET ICU::uc APPEND PROPERTY INTERFACE_LINK_LIBRARIES listlint_icu_stubdata ${CMAKE_DL_LIBS} Threads::Threads)
