#pragma once

#include "Command.h"

// devices list, idcard read, idcard decode.
CommandList deviceCommands();
