package ofsted_test

import (
	"fmt"

	"github.com/findings/findings/pkg/ofsted"
)

func ExampleCouncil() {
	fmt.Println(ofsted.Council("Birmingham City Council", "", ""))
	fmt.Println(ofsted.Council("", "", "reports/80429-birmingham-children-s-services-inspection-2016.txt"))
	// Output:
	// birmingham Birmingham
	// birmingham Birmingham
}

func ExampleGradePattern() {
	fmt.Println(ofsted.GradePattern(false, true))
	fmt.Println(ofsted.Written("requires_improvement"), ofsted.Rank("requires_improvement"))
	// Output:
	// outstanding|good|inadequate|adequate|requires\s+improvement(?:\s+to\s+be\s+good)?
	// requires improvement 2
}
