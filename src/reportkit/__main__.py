import sys

from reportkit.cli import main

sys.exit(main())
