package corpusgen

import "strings"

// Name, street and city pools. Dev and heldout share only some entries, so
// heldout measures names and places the detector was not tuned on; several
// are on no bundled list at all and can only be found from context.
type pools struct {
	femaleFirst, maleFirst, last []string
	streets                      []string
	cities                       [][2]string // city, state abbreviation
	clinicians                   []string    // surnames
	drugs                        []string
}

func poolsFor(split string) *pools {
	if split == "train" {
		return trainPools()
	}
	if split == "fresh" {
		return &pools{
			femaleFirst: strings.Fields("Temperance Ainsley Roisin Valentina Marisol Ifeoma Kalinda Henrike Yevgenia Margarethe Consolata Blessing Aurelie Nadezhda Xochitl Iolanthe Keziah Oriana Sunniva Philomena"),
			maleFirst:   strings.Fields("Barnaby Ignacio Torsten Chukwuma Evaristo Leopold Fitzwilliam Radomir Kazimierz Thibault Gudmund Ambrose Nnamdi Severin Cosimo Aurelio Emrys Taavi Ruairi Bartosz"),
			last:        strings.Fields("Oyelowo-Banks Wintersgill Kvaratskhelia Mbeki-Sisulu Abernethy-Rowe Szczepanski Oduya Pettigrew Castellanos-Ruiz Halvorsen Nakashima Ferrante McCready Okwuosa Villiers Thackeray Dubrovsky Ekstrand Mwangi Rosenqvist"),
			streets:     strings.Fields("Bramblewood Kingfisher Sorrel Thornapple Quail Halcyon Lantern Bittersweet Moonstone Foxrun"),
			cities: [][2]string{{"Walla Walla", "WA"}, {"Oshkosh", "WI"}, {"Kalispell", "MT"}, {"Paducah", "KY"},
				{"Nacogdoches", "TX"}, {"Bemidji", "MN"}, {"Hattiesburg", "MS"}, {"Presque Isle", "ME"}},
			clinicians: strings.Fields("Achterberg Oyebanji Vasquez-Lind Halloran Tsang Eriksen Obuya Marchetti"),
			drugs:      strings.Fields("metoprolol furosemide sertraline insulin"),
		}
	}
	if split == "heldout" {
		return &pools{
			femaleFirst: strings.Fields("Philippa Bettina Marisela Tavita Giedre Henrietta Saoirse Anouk Rashida Ilse Mireya Dagny Perpetua Caridad Agnieszka Thandeka Pilar Ottilie Nkiru Solveig Ximena Eulalia Maeve Rosamund Linnea Yesenia Ngaio Dorothea Beatrix Oona"),
			maleFirst:   strings.Fields("Cornelius Oren Lachlan Osvaldo Kofi Benedikt Teodoro Jovan Augustin Femi Ulises Yusuf Lorcan Wilhelm Ravi Anselm Caspar Matthias Tiberiu Obinna Lysander Evander Thorsten Bao Kenji Rufus Alasdair Dario Hamish Cyprian"),
			last:        strings.Fields("Pennywhistle Okonjo Valdivia-Soto MacGillivray Tshabalala Lindgren Abiodun Harrowgate Kristiansen O'Shaughnessy Delgado Farquharson Ilunga Mastroianni Ekwueme Haugland Quartermaine Nwachukwu Trevelyan Czerwinski Ashworth-Bligh Montgomery Takahashi Ravenhill Umarov Fairbrother DeVries Lachowicz Oyinlola Vanterpool Brightwater Szabo Mbatha Rautenbach Quispe"),
			streets:     strings.Fields("Juniper Foxglove Wexford Tamarack Larkspur Coldwater Harrington Quarry Millbrook Sandpiper Whistler Orchard Kestrel Beacon Tillman Greystone"),
			cities: [][2]string{{"Tacoma", "WA"}, {"Ithaca", "NY"}, {"Bangor", "ME"}, {"Greeley", "CO"}, {"Lubbock", "TX"},
				{"Mankato", "MN"}, {"Dothan", "AL"}, {"Keene", "NH"}, {"Marquette", "MI"}, {"Bozeman", "MT"}, {"Elkhart", "IN"},
				{"Yakima", "WA"}, {"Hilo", "HI"}, {"Pocatello", "ID"}, {"Sedalia", "MO"}, {"Pendleton", "OR"}},
			clinicians: strings.Fields("Adebayo Whitfield Castellanos Lindqvist Onyekachi Brandvold Pemberton Akintola Renwick Sutherland Moreau Ishikawa"),
			drugs:      strings.Fields("apixaban losartan empagliflozin sertraline tamsulosin levothyroxine"),
		}
	}
	return &pools{
		femaleFirst: strings.Fields("Maria Aisha Ngozi Priya Rosalind Keisha Beatriz Svetlana Marguerite Xiomara Thuy Ingrid Siobhan Fatima Yolanda Lucía Zoë Wren Mabel Gwendolyn Imani Esperanza Astrid Leilani Noor Harriet Eleanor Dolores Carmen Jun"),
		maleFirst:   strings.Fields("Harold James Tomasz Liam Dmitri Hiroshi Emeka Oluwaseun Declan Bartholomew Rafael Anders Desmond José Chidi Ezekiel Florian Tobias Mateo Kwame Percival Arjun Walter Gerald Francisco Ibrahim Stanley Rupert Ignatius Wendell"),
		last:        strings.Fields("Whitcombe O'Neil-Park Okafor Nakamura-Lind Fitzgerald McAllister Gonzalez Nguyen Kowalczyk Abernathy Thistlewood Osei Brennan Delacroix Haverford Papadakis Achterberg Mbeki Castellano Oyelaran Ramaswamy Szymanski Quigley Featherstone Bianchi Al-Rashid Kaczmarek Ferreira Holloway Yilmaz Sorensen Duchamp Eberhardt Villanueva Rutherford Macintyre D'Angelo Prudhomme Ogunbanjo Petrakis Hargreaves Blackwood"),
		streets:     strings.Fields("Elm Maple Harbor Cedar Birchwood Lakeshore Chestnut Willow Ridgeview Aspen Sycamore Hawthorne Pinecrest Meadowbrook Fairview Oakmont"),
		cities: [][2]string{{"Springfield", "IL"}, {"Brookfield", "WI"}, {"Eastport", "ME"}, {"Boise", "ID"}, {"Fresno", "CA"},
			{"Dayton", "OH"}, {"Savannah", "GA"}, {"Tulsa", "OK"}, {"Lowell", "MA"}, {"Duluth", "MN"}, {"Cedar Falls", "IA"},
			{"Port Huron", "MI"}, {"Flagstaff", "AZ"}, {"Winslow", "AZ"}, {"Laramie", "WY"}, {"Rutland", "VT"}},
		clinicians: strings.Fields("Okafor Lindgren Patel Haddad Moreno Sato Abramowitz Ferraro Nwosu Castillo Brightman Kaur"),
		drugs:      strings.Fields("metformin lisinopril atorvastatin amlodipine omeprazole gabapentin"),
	}
}
