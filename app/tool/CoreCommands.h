#pragma once

#include "Command.h"

// idnumber check, creditcode check, calendar add, calendar show.
CommandList coreCommands();
