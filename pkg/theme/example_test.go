package theme_test

import (
	"fmt"

	"github.com/findings/findings/pkg/theme"
)

func ExampleTag() {
	fmt.Println(theme.Tag("Care leavers are well supported by their personal advisers."))
	fmt.Println(theme.Tag("Decisions in the multi-agency safeguarding hub are timely."))
	fmt.Println(theme.Tag("Children who need help and protection are seen promptly."))
	// Output:
	// [care_leavers]
	// [front_door_and_referrals]
	// []
}
