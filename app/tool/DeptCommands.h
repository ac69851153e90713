#pragma once

#include "Command.h"

// dept list, dept decide: play a department against a back office over HTTP (--server URL,
// --user/--password or the token in OW_BACKOFFICE_TOKEN).
CommandList deptCommands();
