#pragma once

#include "Command.h"

// window set, window show: the window's identity (region, code, name), set once.
CommandList windowCommands();
