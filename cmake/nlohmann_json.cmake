# nlohmann/json from Debian's package. Under Emscripten the find root excludes /usr and
# adding -I/usr/include would pull host libc headers into the wasm build, so copy just the
# nlohmann/ folder into the build tree and wrap it in the same target name.
if(EMSCRIPTEN)
  find_path(GAPSCORE_NLOHMANN_DIR nlohmann/json.hpp PATHS /usr/include /usr/local/include
            NO_CMAKE_FIND_ROOT_PATH REQUIRED)
  file(COPY ${GAPSCORE_NLOHMANN_DIR}/nlohmann DESTINATION ${CMAKE_BINARY_DIR}/third_party/include)
  add_library(nlohmann_json INTERFACE)
  target_include_directories(nlohmann_json SYSTEM INTERFACE ${CMAKE_BINARY_DIR}/third_party/include)
  add_library(nlohmann_json::nlohmann_json ALIAS nlohmann_json)
else()
  find_package(nlohmann_json 3.10 REQUIRED)
endif()
