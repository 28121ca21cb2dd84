// OpenSSL's libcrypto (Debian libssl-dev): only the EVP message-digest API, for SHA-256 of
// input files in run.json (it uses the CPU's SHA extensions where present).
#ifndef BLANKSPOT_CCRYPTO_SHIM_H
#define BLANKSPOT_CCRYPTO_SHIM_H

#include <openssl/evp.h>

#endif
