#pragma once

#include "Command.h"

// escpos render. Needs a QGuiApplication (fonts); main() makes one for these words.
CommandList escposCommands();
